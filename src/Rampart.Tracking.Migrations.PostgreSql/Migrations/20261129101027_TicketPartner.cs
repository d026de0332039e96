using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Tracking.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TicketPartner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tickets_AppId_Status_DueDate",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "IX_tickets_DueDate_Id",
                table: "tickets");

            migrationBuilder.AddColumn<Guid>(
                name: "PartnerId",
                table: "tickets",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Tickets that exist before this migration take their app's partner (an app never changes partner).
            migrationBuilder.Sql("""
                UPDATE tickets SET "PartnerId" = a."PartnerId" FROM apps a WHERE a."Id" = tickets."AppId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_AppId_Status_DueDate_Id",
                table: "tickets",
                columns: new[] { "AppId", "Status", "DueDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_DueDate_Id_Status",
                table: "tickets",
                columns: new[] { "DueDate", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_PartnerId_DueDate_Id",
                table: "tickets",
                columns: new[] { "PartnerId", "DueDate", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tickets_AppId_Status_DueDate_Id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "IX_tickets_DueDate_Id_Status",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "IX_tickets_PartnerId_DueDate_Id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "PartnerId",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_AppId_Status_DueDate",
                table: "tickets",
                columns: new[] { "AppId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_DueDate_Id",
                table: "tickets",
                columns: new[] { "DueDate", "Id" });
        }
    }
}
