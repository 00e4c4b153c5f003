using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudClinic.Registry.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PatientCardAndLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CardCodeHash",
                table: "patients",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalIdLookup",
                table: "patients",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_patients_CardCodeHash",
                table: "patients",
                column: "CardCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patients_NationalIdLookup",
                table: "patients",
                column: "NationalIdLookup",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_patients_CardCodeHash",
                table: "patients");

            migrationBuilder.DropIndex(
                name: "IX_patients_NationalIdLookup",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "CardCodeHash",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "NationalIdLookup",
                table: "patients");
        }
    }
}
