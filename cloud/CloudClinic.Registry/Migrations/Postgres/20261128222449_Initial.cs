using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CloudClinic.Registry.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClinicId = table.Column<string>(type: "text", nullable: false),
                    AlertId = table.Column<string>(type: "text", nullable: false),
                    Event = table.Column<string>(type: "text", nullable: false),
                    Severity = table.Column<string>(type: "text", nullable: false),
                    GridId = table.Column<string>(type: "text", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WebhooksDoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishAttempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_snoozes",
                columns: table => new
                {
                    PatientId = table.Column<string>(type: "text", nullable: false),
                    Rule = table.Column<string>(type: "text", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_snoozes", x => new { x.PatientId, x.Rule });
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Rule = table.Column<string>(type: "text", nullable: false),
                    Severity = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    ClinicId = table.Column<string>(type: "text", nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: true),
                    GridId = table.Column<string>(type: "text", nullable: true),
                    GatewayId = table.Column<string>(type: "text", nullable: true),
                    Station = table.Column<string>(type: "text", nullable: true),
                    ResponsibleDoctorId = table.Column<string>(type: "text", nullable: true),
                    OpenKey = table.Column<string>(type: "text", nullable: true),
                    ReadingIdsJson = table.Column<string>(type: "text", nullable: false),
                    ValuesJson = table.Column<string>(type: "text", nullable: false),
                    FlagsJson = table.Column<string>(type: "text", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastReadingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "text", nullable: true),
                    AcknowledgeNote = table.Column<string>(type: "text", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "text", nullable: true),
                    ResolveNote = table.Column<string>(type: "text", nullable: true),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    EntityType = table.Column<string>(type: "text", nullable: false),
                    EntityId = table.Column<string>(type: "text", nullable: false),
                    ClinicId = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clinics",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clinics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gateways",
                columns: table => new
                {
                    ClinicId = table.Column<string>(type: "text", nullable: false),
                    GatewayId = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OnlineSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gateways", x => new { x.ClinicId, x.GatewayId });
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<string>(type: "text", nullable: false),
                    ClinicId = table.Column<string>(type: "text", nullable: false),
                    PatientId = table.Column<string>(type: "text", nullable: true),
                    GridId = table.Column<string>(type: "text", nullable: true),
                    AssigneeRole = table.Column<string>(type: "text", nullable: false),
                    AssigneeUserId = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubscriptionId = table.Column<long>(type: "bigint", nullable: false),
                    OutboxEntryId = table.Column<long>(type: "bigint", nullable: false),
                    AlertId = table.Column<string>(type: "text", nullable: false),
                    Event = table.Column<string>(type: "text", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Final = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClinicId = table.Column<string>(type: "text", nullable: false),
                    GridId = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: false),
                    Format = table.Column<string>(type: "text", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "grids",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClinicId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grids_clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClinicId = table.Column<string>(type: "character varying(64)", nullable: true),
                    GridId = table.Column<string>(type: "character varying(64)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_users_clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_users_grids_GridId",
                        column: x => x.GridId,
                        principalTable: "grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "patients",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClinicId = table.Column<string>(type: "character varying(64)", nullable: false),
                    GridId = table.Column<string>(type: "character varying(64)", nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MaskedName = table.Column<string>(type: "text", nullable: false),
                    NameProtected = table.Column<string>(type: "text", nullable: false),
                    NationalIdProtected = table.Column<string>(type: "text", nullable: true),
                    PhoneProtected = table.Column<string>(type: "text", nullable: true),
                    ResponsibleDoctorId = table.Column<string>(type: "character varying(64)", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastReadingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastBpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastBpAboveTarget = table.Column<bool>(type: "boolean", nullable: true),
                    LastBpReadingId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patients_clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_patients_grids_GridId",
                        column: x => x.GridId,
                        principalTable: "grids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_patients_users_ResponsibleDoctorId",
                        column: x => x.ResponsibleDoctorId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_plans",
                columns: table => new
                {
                    PatientId = table.Column<string>(type: "character varying(64)", nullable: false),
                    SystolicTargetMmHg = table.Column<int>(type: "integer", nullable: false),
                    DiastolicTargetMmHg = table.Column<int>(type: "integer", nullable: false),
                    SystolicUrgentMmHg = table.Column<int>(type: "integer", nullable: false),
                    DiastolicUrgentMmHg = table.Column<int>(type: "integer", nullable: false),
                    SystolicLowMmHg = table.Column<int>(type: "integer", nullable: false),
                    DiastolicLowMmHg = table.Column<int>(type: "integer", nullable: false),
                    FastingGlucoseTargetMmolL = table.Column<double>(type: "double precision", nullable: false),
                    NonFastingGlucoseTargetMmolL = table.Column<double>(type: "double precision", nullable: false),
                    GlucoseUrgentHighMmolL = table.Column<double>(type: "double precision", nullable: false),
                    GlucoseUrgentLowMmolL = table.Column<double>(type: "double precision", nullable: false),
                    GlucoseLevel2HypoMmolL = table.Column<double>(type: "double precision", nullable: false),
                    NotMeasuredTaskDays = table.Column<int>(type: "integer", nullable: false),
                    NotMeasuredDoctorDays = table.Column<int>(type: "integer", nullable: false),
                    ResponsibleDoctorId = table.Column<string>(type: "character varying(64)", nullable: true),
                    Basis = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_care_plans", x => x.PatientId);
                    table.ForeignKey(
                        name: "FK_care_plans_patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_care_plans_users_ResponsibleDoctorId",
                        column: x => x.ResponsibleDoctorId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "patient_conditions",
                columns: table => new
                {
                    PatientId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Condition = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patient_conditions", x => new { x.PatientId, x.Condition });
                    table.ForeignKey(
                        name: "FK_patient_conditions_patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_outbox_PublishedAt",
                table: "alert_outbox",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_alert_outbox_WebhooksDoneAt",
                table: "alert_outbox",
                column: "WebhooksDoneAt");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_ClinicId_State",
                table: "alerts",
                columns: new[] { "ClinicId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_OpenKey",
                table: "alerts",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_PatientId_State",
                table: "alerts",
                columns: new[] { "PatientId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_EntityType_EntityId",
                table: "audit_log",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_care_plans_ResponsibleDoctorId",
                table: "care_plans",
                column: "ResponsibleDoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_grids_ClinicId",
                table: "grids",
                column: "ClinicId");

            migrationBuilder.CreateIndex(
                name: "IX_patients_ClinicId_LastReadingAt",
                table: "patients",
                columns: new[] { "ClinicId", "LastReadingAt" });

            migrationBuilder.CreateIndex(
                name: "IX_patients_GridId",
                table: "patients",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_patients_ResponsibleDoctorId",
                table: "patients",
                column: "ResponsibleDoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_AlertId",
                table: "tasks",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_ClinicId_GridId_State",
                table: "tasks",
                columns: new[] { "ClinicId", "GridId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_users_ClinicId_Role",
                table: "users",
                columns: new[] { "ClinicId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_users_GridId",
                table: "users",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_OutboxEntryId",
                table: "webhook_deliveries",
                column: "OutboxEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_SubscriptionId_At",
                table: "webhook_deliveries",
                columns: new[] { "SubscriptionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_subscriptions_ClinicId",
                table: "webhook_subscriptions",
                column: "ClinicId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_outbox");

            migrationBuilder.DropTable(
                name: "alert_snoozes");

            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "care_plans");

            migrationBuilder.DropTable(
                name: "gateways");

            migrationBuilder.DropTable(
                name: "patient_conditions");

            migrationBuilder.DropTable(
                name: "tasks");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");

            migrationBuilder.DropTable(
                name: "patients");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "grids");

            migrationBuilder.DropTable(
                name: "clinics");
        }
    }
}
