using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wane.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductFavourites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Favourites",
                table: "products",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Favourites",
                table: "products");
        }
    }
}
