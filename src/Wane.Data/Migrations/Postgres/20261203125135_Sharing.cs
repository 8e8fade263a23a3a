using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Wane.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EnteredByShareId",
                table: "checkins",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GranteeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PinHash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PinFailures = table.Column<int>(type: "integer", nullable: false),
                    PinBlockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Scopes = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MayEnterCows = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_shares_AspNetUsers_GranteeId",
                        column: x => x.GranteeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_shares_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "share_accesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ShareId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    What = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_share_accesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_share_accesses_shares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "shares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_share_accesses_ShareId_At",
                table: "share_accesses",
                columns: new[] { "ShareId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_share_accesses_UserId",
                table: "share_accesses",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_shares_GranteeId",
                table: "shares",
                column: "GranteeId");

            migrationBuilder.CreateIndex(
                name: "IX_shares_SecretHash",
                table: "shares",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shares_UserId",
                table: "shares",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "share_accesses");

            migrationBuilder.DropTable(
                name: "shares");

            migrationBuilder.DropColumn(
                name: "EnteredByShareId",
                table: "checkins");
        }
    }
}
