using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wane.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PendingImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pending_imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_imports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pending_imports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pending_imports_ExpiresAt",
                table: "pending_imports",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_pending_imports_KeyHash",
                table: "pending_imports",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pending_imports_UserId",
                table: "pending_imports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_imports");
        }
    }
}
