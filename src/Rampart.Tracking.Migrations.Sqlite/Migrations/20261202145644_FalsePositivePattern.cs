using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Tracking.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FalsePositivePattern : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FalsePositivePattern",
                table: "ticket_instances",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FalsePositivePattern",
                table: "ticket_instances");
        }
    }
}
