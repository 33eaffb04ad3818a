using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class JobClaimIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_State_NextRunAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_TenantId_ErrorFingerprint",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_ErrorFingerprint",
                table: "Jobs",
                columns: new[] { "TenantId", "ErrorFingerprint" },
                filter: "[ErrorFingerprint] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Waiting",
                table: "Jobs",
                columns: new[] { "Priority", "NextRunAt" },
                descending: new[] { true, false },
                filter: "[State] IN ('Pending', 'Failed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_TenantId_ErrorFingerprint",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Waiting",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_NextRunAt",
                table: "Jobs",
                columns: new[] { "State", "NextRunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_ErrorFingerprint",
                table: "Jobs",
                columns: new[] { "TenantId", "ErrorFingerprint" });
        }
    }
}
