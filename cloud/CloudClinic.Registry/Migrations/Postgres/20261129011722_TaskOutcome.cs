using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudClinic.Registry.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "tasks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "tasks",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Note",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "tasks");
        }
    }
}
