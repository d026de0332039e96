using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Tracking.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TicketListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_tickets_Status_Severity_DueDate_Id",
                table: "tickets",
                columns: new[] { "Status", "Severity", "DueDate", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tickets_Status_Severity_DueDate_Id",
                table: "tickets");
        }
    }
}
