using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Jobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StoreId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Flow = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    SubjectKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    IdentityKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ActiveIdentityKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Payload = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Priority = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    MaxAttempts = table.Column<int>(type: "int", nullable: false),
                    NextRunAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LeaseOwner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DuplicatesSkipped = table.Column<int>(type: "int", nullable: false),
                    ErrorKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    FixPath = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ErrorFingerprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Jobs_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobStateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JobId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    From = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Duration = table.Column<TimeSpan>(type: "time", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobStateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobStateChanges_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_RunningSubject",
                table: "Jobs",
                column: "SubjectKey",
                unique: true,
                filter: "[State] = 'Running'");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_NextRunAt",
                table: "Jobs",
                columns: new[] { "State", "NextRunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_ActiveIdentityKey",
                table: "Jobs",
                columns: new[] { "TenantId", "ActiveIdentityKey" },
                unique: true,
                filter: "[ActiveIdentityKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_ErrorFingerprint",
                table: "Jobs",
                columns: new[] { "TenantId", "ErrorFingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_IdentityKey",
                table: "Jobs",
                columns: new[] { "TenantId", "IdentityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_TenantId_State_UpdatedAt",
                table: "Jobs",
                columns: new[] { "TenantId", "State", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobStateChanges_JobId_Id",
                table: "JobStateChanges",
                columns: new[] { "JobId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobStateChanges");

            migrationBuilder.DropTable(
                name: "Jobs");
        }
    }
}
