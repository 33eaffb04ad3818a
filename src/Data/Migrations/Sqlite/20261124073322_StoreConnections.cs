using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoreConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_TenantId_ReceivedAt",
                table: "WebhookDeliveries");

            migrationBuilder.AddColumn<bool>(
                name: "AllowInsecureHttp",
                table: "Stores",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Features",
                table: "Stores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProductDirection",
                table: "Stores",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProtectedCredentials",
                table: "Stores",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemovedAt",
                table: "Stores",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ShopifyInstalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Shop = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopifyInstalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShopifyInstalls_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncCursors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stream = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncCursors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncCursors_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RemoteId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookSubscriptions_Stores_StoreId",
                        column: x => x.StoreId,
                        principalTable: "Stores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_TenantId_ReceivedAt_Id",
                table: "WebhookDeliveries",
                columns: new[] { "TenantId", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_TenantId_Status_ReceivedAt_Id",
                table: "WebhookDeliveries",
                columns: new[] { "TenantId", "Status", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopifyInstalls_ExpiresAt",
                table: "ShopifyInstalls",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_ShopifyInstalls_TenantId",
                table: "ShopifyInstalls",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncCursors_StoreId_Stream",
                table: "SyncCursors",
                columns: new[] { "StoreId", "Stream" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_StoreId_Topic",
                table: "WebhookSubscriptions",
                columns: new[] { "StoreId", "Topic" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_TenantId",
                table: "WebhookSubscriptions",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShopifyInstalls");

            migrationBuilder.DropTable(
                name: "SyncCursors");

            migrationBuilder.DropTable(
                name: "WebhookSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_TenantId_ReceivedAt_Id",
                table: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_TenantId_Status_ReceivedAt_Id",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "AllowInsecureHttp",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "Features",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "ProductDirection",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "ProtectedCredentials",
                table: "Stores");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Stores");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_TenantId_ReceivedAt",
                table: "WebhookDeliveries",
                columns: new[] { "TenantId", "ReceivedAt" });
        }
    }
}
