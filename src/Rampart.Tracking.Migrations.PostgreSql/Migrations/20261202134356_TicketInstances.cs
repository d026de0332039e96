using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rampart.Tracking.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TicketInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tickets_AppId_Fingerprint",
                table: "tickets");

            migrationBuilder.CreateTable(
                name: "ticket_instances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    AppId = table.Column<long>(type: "bigint", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Location = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    EvidenceHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastReportId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_instances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ticket_instances_apps_AppId",
                        column: x => x.AppId,
                        principalTable: "apps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ticket_instances_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Tickets were one per finding fingerprint; now one per (app, requirement, check) holding its findings as
            // instances. Every old ticket becomes one instance (its state from the ticket's status), then each group keeps
            // its lowest id: the survivor takes the group's most urgent status (with that ticket's exception and reminder),
            // its earliest due date among active tickets, its earliest report date and its highest severity. Comments,
            // instances and delisted apps' blocking ids move to the survivor, a ticket.merged entry names the merged ids,
            // and the merged rows go. Their own audit history stays under their old subjects (the log is append-only).
            migrationBuilder.Sql("""
                INSERT INTO ticket_instances ("TicketId", "AppId", "Fingerprint", "Location", "Evidence", "EvidenceHash", "State", "FirstSeenAt", "LastSeenAt", "LastReportId")
                SELECT "Id", "AppId", "Fingerprint", "Location", "Evidence", "EvidenceHash",
                    CASE "Status" WHEN 'VerifiedFixed' THEN 'Fixed' WHEN 'FalsePositive' THEN 'FalsePositive' WHEN 'ExceptionGranted' THEN 'Excepted' ELSE 'Open' END,
                    "ReportedAt", "UpdatedAt", "LastReportId"
                FROM tickets;

                CREATE TEMP TABLE ticket_groups AS
                SELECT "Id", "Status", "DueDate", "ReportedAt", "UpdatedAt",
                    MIN("Id") OVER (PARTITION BY "AppId", "RequirementId", "CheckId") AS "SurvivorId",
                    FIRST_VALUE("Id") OVER (PARTITION BY "AppId", "RequirementId", "CheckId" ORDER BY
                        CASE "Status" WHEN 'Escalated' THEN 1 WHEN 'Reopened' THEN 2 WHEN 'Open' THEN 3 WHEN 'InProgress' THEN 4
                        WHEN 'ExtensionRequested' THEN 5 WHEN 'WorkaroundProposed' THEN 6 WHEN 'FixSubmitted' THEN 7
                        WHEN 'ExceptionGranted' THEN 8 WHEN 'Mitigated' THEN 9 WHEN 'FalsePositive' THEN 10 ELSE 11 END, "Id") AS "LeadId",
                    FIRST_VALUE("Id") OVER (PARTITION BY "AppId", "RequirementId", "CheckId" ORDER BY "CvssScore" DESC, "Id") AS "TopId"
                FROM tickets;

                CREATE TEMP TABLE ticket_survivors AS
                SELECT g."SurvivorId", l."Status", l."ExceptionId", l."ExceptionExpiresAt", l."LastReminderDays", l."DueDate" AS "LeadDueDate",
                    s."Severity", s."CvssVector", s."CvssScore", s."SeverityReason",
                    (SELECT MIN(a."DueDate") FROM ticket_groups a WHERE a."SurvivorId" = g."SurvivorId" AND a."Status" IN ('Open', 'Reopened', 'InProgress', 'FixSubmitted', 'WorkaroundProposed', 'ExtensionRequested', 'Escalated')) AS "ActiveDueDate",
                    (SELECT MIN(a."ReportedAt") FROM ticket_groups a WHERE a."SurvivorId" = g."SurvivorId") AS "ReportedAt",
                    (SELECT MAX(a."UpdatedAt") FROM ticket_groups a WHERE a."SurvivorId" = g."SurvivorId") AS "UpdatedAt",
                    (SELECT string_agg(a."Id"::text, ',' ORDER BY a."Id") FROM ticket_groups a WHERE a."SurvivorId" = g."SurvivorId" AND a."Id" <> a."SurvivorId") AS "MergedIds"
                FROM ticket_groups g
                JOIN tickets l ON l."Id" = g."LeadId"
                JOIN tickets s ON s."Id" = g."TopId"
                WHERE g."Id" = g."SurvivorId" AND EXISTS (SELECT 1 FROM ticket_groups m WHERE m."SurvivorId" = g."SurvivorId" AND m."Id" <> m."SurvivorId");

                UPDATE tickets SET
                    "Status" = (SELECT v."Status" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "ExceptionId" = (SELECT v."ExceptionId" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "ExceptionExpiresAt" = (SELECT v."ExceptionExpiresAt" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "LastReminderDays" = (SELECT v."LastReminderDays" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "DueDate" = (SELECT COALESCE(v."ActiveDueDate", v."LeadDueDate") FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "ReportedAt" = (SELECT v."ReportedAt" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "UpdatedAt" = (SELECT v."UpdatedAt" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "Severity" = (SELECT v."Severity" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "CvssVector" = (SELECT v."CvssVector" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "CvssScore" = (SELECT v."CvssScore" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "SeverityReason" = (SELECT v."SeverityReason" FROM ticket_survivors v WHERE v."SurvivorId" = tickets."Id"),
                    "Version" = "Version" + 1
                WHERE "Id" IN (SELECT "SurvivorId" FROM ticket_survivors);

                UPDATE ticket_instances SET "TicketId" = (SELECT g."SurvivorId" FROM ticket_groups g WHERE g."Id" = ticket_instances."TicketId")
                WHERE "TicketId" IN (SELECT "Id" FROM ticket_groups WHERE "Id" <> "SurvivorId");

                UPDATE comments SET "TicketId" = (SELECT g."SurvivorId" FROM ticket_groups g WHERE g."Id" = comments."TicketId")
                WHERE "TicketId" IN (SELECT "Id" FROM ticket_groups WHERE "Id" <> "SurvivorId");

                UPDATE apps SET "BlockingTicketIds" = (
                    SELECT string_agg(id::text, ',' ORDER BY id) FROM (
                        SELECT DISTINCT COALESCE(g."SurvivorId", j.value::bigint) AS id
                        FROM unnest(string_to_array(apps."BlockingTicketIds", ',')) AS j(value)
                        LEFT JOIN ticket_groups g ON g."Id" = j.value::bigint) ids)
                WHERE "BlockingTicketIds" IS NOT NULL AND "BlockingTicketIds" <> '';

                INSERT INTO audit_log ("At", "Actor", "Action", "Subject", "Before", "After", "Reason")
                SELECT now(), 'system:migration', 'ticket.merged', 'ticket:' || CAST(v."SurvivorId" AS TEXT), v."MergedIds", v."Status",
                    'tickets ' || v."MergedIds" || ' merged into this one: a ticket is now one unmet requirement per check per app, its findings are instances'
                FROM ticket_survivors v ORDER BY v."SurvivorId";

                DELETE FROM tickets WHERE "Id" IN (SELECT "Id" FROM ticket_groups WHERE "Id" <> "SurvivorId");

                DROP TABLE ticket_survivors;
                DROP TABLE ticket_groups;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_AppId_RequirementId_CheckId",
                table: "tickets",
                columns: new[] { "AppId", "RequirementId", "CheckId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticket_instances_AppId_Fingerprint",
                table: "ticket_instances",
                columns: new[] { "AppId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticket_instances_TicketId_Id",
                table: "ticket_instances",
                columns: new[] { "TicketId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_instances");

            migrationBuilder.DropIndex(
                name: "IX_tickets_AppId_RequirementId_CheckId",
                table: "tickets");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_AppId_Fingerprint",
                table: "tickets",
                columns: new[] { "AppId", "Fingerprint" },
                unique: true);
        }
    }
}
