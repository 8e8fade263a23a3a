using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wane.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SigninSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Secret",
                table: "calendar_feeds",
                newName: "SecretHash");

            migrationBuilder.RenameIndex(
                name: "IX_calendar_feeds_Secret",
                table: "calendar_feeds",
                newName: "IX_calendar_feeds_SecretHash");

            migrationBuilder.CreateTable(
                name: "signin_failures",
                columns: table => new
                {
                    NameHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signin_failures", x => x.NameHash);
                });

            migrationBuilder.CreateTable(
                name: "signin_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signin_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_signin_sessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_signin_sessions_KeyHash",
                table: "signin_sessions",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_signin_sessions_UserId",
                table: "signin_sessions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signin_failures");

            migrationBuilder.DropTable(
                name: "signin_sessions");

            migrationBuilder.RenameColumn(
                name: "SecretHash",
                table: "calendar_feeds",
                newName: "Secret");

            migrationBuilder.RenameIndex(
                name: "IX_calendar_feeds_SecretHash",
                table: "calendar_feeds",
                newName: "IX_calendar_feeds_Secret");
        }
    }
}
