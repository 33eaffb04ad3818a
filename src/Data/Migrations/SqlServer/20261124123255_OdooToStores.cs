using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
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
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StockLevels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StoreId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VariantId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    InventoryItemId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    StoreLocationId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OdooProductId = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    StoreId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    QuantityRule = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    BufferKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    BufferValue = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    ExportPricelistId = table.Column<long>(type: "bigint", nullable: true),
                    CreateMissingProducts = table.Column<bool>(type: "bit", nullable: false),
                    ExportImages = table.Column<bool>(type: "bit", nullable: false),
                    ExportDescriptions = table.Column<bool>(type: "bit", nullable: false),
                    NotifyCustomerOnFulfilment = table.Column<bool>(type: "bit", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StoreId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StartedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Total = table.Column<int>(type: "int", nullable: false),
                    Processed = table.Column<int>(type: "int", nullable: false),
                    Changed = table.Column<int>(type: "int", nullable: false),
                    Problems = table.Column<int>(type: "int", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StoreId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StoreProductId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    VariantId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    InventoryItemId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Barcode = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OdooProductId = table.Column<long>(type: "bigint", nullable: true),
                    Candidates = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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
