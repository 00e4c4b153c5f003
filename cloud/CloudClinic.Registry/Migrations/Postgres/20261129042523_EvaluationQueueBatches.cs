using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudClinic.Registry.Migrations.Postgres
{
    /// <summary>
    /// One queue row per chunk of readings instead of one per reading. Rows queued by the previous version become
    /// one-reading arrays, so an upgrade with a non-empty queue loses no evaluation. Drain the queue before a
    /// downgrade: the older engine cannot read a row holding several readings.
    /// </summary>
    public partial class EvaluationQueueBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReadingId",
                table: "alert_evaluation_queue");

            migrationBuilder.RenameColumn(
                name: "Reading",
                table: "alert_evaluation_queue",
                newName: "Readings");

            migrationBuilder.AddColumn<int>(
                name: "ReadingCount",
                table: "alert_evaluation_queue",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.Sql("UPDATE \"alert_evaluation_queue\" SET \"Readings\" = '[' || \"Readings\" || ']'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReadingCount",
                table: "alert_evaluation_queue");

            migrationBuilder.RenameColumn(
                name: "Readings",
                table: "alert_evaluation_queue",
                newName: "Reading");

            migrationBuilder.AddColumn<string>(
                name: "ReadingId",
                table: "alert_evaluation_queue",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");
        }
    }
}
