using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CloudClinic.Registry.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EvaluationQueueAndLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_evaluation_queue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    ReadingId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reading = table.Column<string>(type: "text", nullable: false),
                    EnqueuedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_evaluation_queue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "engine_leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engine_leases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_evaluation_queue_Urgent_Id",
                table: "alert_evaluation_queue",
                columns: new[] { "Urgent", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_evaluation_queue");

            migrationBuilder.DropTable(
                name: "engine_leases");
        }
    }
}
