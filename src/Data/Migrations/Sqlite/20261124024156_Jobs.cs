using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Flow = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IdentityKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ActiveIdentityKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicatesSkipped = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FixPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ErrorFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Duration = table.Column<TimeSpan>(type: "TEXT", nullable: true)
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
