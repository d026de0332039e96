using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rampart.Tracking.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IngestBindingAndTokenScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AppKey",
                table: "tokens",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForgeAppId",
                table: "apps",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_AppId_ScanStartedAt",
                table: "reports",
                columns: new[] { "AppId", "ScanStartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reports_AppId_ScanStartedAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "AppKey",
                table: "tokens");

            migrationBuilder.DropColumn(
                name: "ForgeAppId",
                table: "apps");
        }
    }
}
