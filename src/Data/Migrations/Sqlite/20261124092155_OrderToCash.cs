using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderToCash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocationMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreLocationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StoreLocationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OdooWarehouseId = table.Column<long>(type: "INTEGER", nullable: true),
                    OdooLocationId = table.Column<long>(type: "INTEGER", nullable: true),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocationMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LocationMappings_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentJournalMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OdooJournalId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentJournalMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentJournalMappings_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StoreKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OdooModel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OdooId = table.Column<long>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordLinks_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ShippingMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OdooCarrierId = table.Column<long>(type: "INTEGER", nullable: true),
                    OdooProductId = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShippingMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShippingMappings_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoreOrderSettings",
                columns: table => new
                {
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ImportUnpaidOrders = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: true),
                    PricelistId = table.Column<long>(type: "INTEGER", nullable: true),
                    SalesTeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    FiscalPositionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProductMatching = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerStrategy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SingleCustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    DiscountMode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DiscountProductId = table.Column<long>(type: "INTEGER", nullable: true),
                    ShippingProductId = table.Column<long>(type: "INTEGER", nullable: true),
                    TipProductId = table.Column<long>(type: "INTEGER", nullable: true),
                    DutyProductId = table.Column<long>(type: "INTEGER", nullable: true),
                    FeeProductId = table.Column<long>(type: "INTEGER", nullable: true),
                    DefaultTaxId = table.Column<long>(type: "INTEGER", nullable: true),
                    InvoicePolicy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UninvoicedRefunds = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReturnPickingOnRestock = table.Column<bool>(type: "INTEGER", nullable: false),
                    TotalTolerance = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreOrderSettings", x => x.StoreId);
                    table.ForeignKey(
                        name: "FK_StoreOrderSettings_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaxMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PriceIncluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    OdooTaxId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaxMappings_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LocationMappings_StoreId_StoreLocationId",
                table: "LocationMappings",
                columns: new[] { "StoreId", "StoreLocationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentJournalMappings_StoreId_Gateway",
                table: "PaymentJournalMappings",
                columns: new[] { "StoreId", "Gateway" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordLinks_StoreId_Kind_StoreKey",
                table: "RecordLinks",
                columns: new[] { "StoreId", "Kind", "StoreKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordLinks_TenantId_OdooModel_OdooId",
                table: "RecordLinks",
                columns: new[] { "TenantId", "OdooModel", "OdooId" });

            migrationBuilder.CreateIndex(
                name: "IX_ShippingMappings_StoreId_Method",
                table: "ShippingMappings",
                columns: new[] { "StoreId", "Method" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoreOrderSettings_TenantId",
                table: "StoreOrderSettings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TaxMappings_StoreId_Title_Rate_CountryCode_PriceIncluded",
                table: "TaxMappings",
                columns: new[] { "StoreId", "Title", "Rate", "CountryCode", "PriceIncluded" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocationMappings");

            migrationBuilder.DropTable(
                name: "PaymentJournalMappings");

            migrationBuilder.DropTable(
                name: "RecordLinks");

            migrationBuilder.DropTable(
                name: "ShippingMappings");

            migrationBuilder.DropTable(
                name: "StoreOrderSettings");

            migrationBuilder.DropTable(
                name: "TaxMappings");
        }
    }
}
