using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class JobFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_Flow",
                table: "Jobs",
                columns: new[] { "TenantId", "Flow" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_StoreId",
                table: "Jobs",
                columns: new[] { "TenantId", "StoreId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_TenantId_Flow",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_TenantId_StoreId",
                table: "Jobs");
        }
    }
}
