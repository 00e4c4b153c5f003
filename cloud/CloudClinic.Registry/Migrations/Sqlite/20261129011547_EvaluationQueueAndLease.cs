using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudClinic.Registry.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadingId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reading = table.Column<string>(type: "TEXT", nullable: false),
                    EnqueuedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_evaluation_queue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "engine_leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
