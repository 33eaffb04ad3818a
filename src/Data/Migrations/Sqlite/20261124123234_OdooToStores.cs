using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OdooToStores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedNotificationToken",
                table: "OdooConnections",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StockLevels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InventoryItemId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StoreLocationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OdooProductId = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockLevels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockLevels_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoreOutboundSettings",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuantityRule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BufferKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BufferValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ExportPricelistId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreateMissingProducts = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExportImages = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExportDescriptions = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifyCustomerOnFulfilment = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreOutboundSettings", x => x.StoreId);
                    table.ForeignKey(
                        name: "FK_StoreOutboundSettings_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Problems = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRuns_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductMatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreProductId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    VariantId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InventoryItemId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Barcode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OdooProductId = table.Column<long>(type: "INTEGER", nullable: true),
                    Candidates = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProductMatches_SyncRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProductMatches_RunId_Outcome_Title",
                table: "ProductMatches",
                columns: new[] { "RunId", "Outcome", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_StockLevels_StoreId_OdooProductId",
                table: "StockLevels",
                columns: new[] { "StoreId", "OdooProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_StockLevels_StoreId_VariantId_StoreLocationId",
                table: "StockLevels",
                columns: new[] { "StoreId", "VariantId", "StoreLocationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoreOutboundSettings_TenantId",
                table: "StoreOutboundSettings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_StoreId_Kind_StartedAt",
                table: "SyncRuns",
                columns: new[] { "StoreId", "Kind", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProductMatches");

            migrationBuilder.DropTable(
                name: "StockLevels");

            migrationBuilder.DropTable(
                name: "StoreOutboundSettings");

            migrationBuilder.DropTable(
                name: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "ProtectedNotificationToken",
                table: "OdooConnections");
        }
    }
}
