using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wane.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HoldRise",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<int>(
                name: "HoldThreshold",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 11);

            migrationBuilder.CreateTable(
                name: "checkins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Instrument = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Band = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RedFlags = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HoldOverriddenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_checkins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_checkins_UserId_TakenAt",
                table: "checkins",
                columns: new[] { "UserId", "TakenAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkins");

            migrationBuilder.DropColumn(
                name: "HoldRise",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "HoldThreshold",
                table: "AspNetUsers");
        }
    }
}
