using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Registry;

/// <summary>Table names, keys and indexes, shared by both providers.</summary>
internal static class RegistryModel
{
    public const int IdLength = 64;

    public static void Configure(ModelBuilder b)
    {
        b.Entity<Clinic>(e =>
        {
            e.ToTable("clinics");
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.TimeZoneId).HasMaxLength(64);
        });
        b.Entity<Grid>(e =>
        {
            e.ToTable("grids");
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.HasOne<Clinic>().WithMany().HasForeignKey(x => x.ClinicId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<User>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.Role).HasMaxLength(32);
            e.HasOne<Clinic>().WithMany().HasForeignKey(x => x.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Grid>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ClinicId, x.Role });
        });
        b.Entity<Patient>(e =>
        {
            e.ToTable("patients");
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.HasOne<Clinic>().WithMany().HasForeignKey(x => x.ClinicId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Grid>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.ResponsibleDoctorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ClinicId, x.LastReadingAt });
            e.Property(x => x.NationalIdLookup).HasMaxLength(64);
            e.HasIndex(x => x.NationalIdLookup).IsUnique();
            e.Property(x => x.CardCodeHash).HasMaxLength(64);
            e.HasIndex(x => x.CardCodeHash).IsUnique();
        });
        b.Entity<PatientCondition>(e =>
        {
            e.ToTable("patient_conditions");
            e.HasKey(x => new { x.PatientId, x.Condition });
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CarePlan>(e =>
        {
            e.ToTable("care_plans");
            e.HasKey(x => x.PatientId);
            e.HasOne<Patient>().WithOne().HasForeignKey<CarePlan>(x => x.PatientId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.ResponsibleDoctorId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.Property(x => x.Id).HasMaxLength(128);
            e.HasIndex(x => x.OpenKey).IsUnique();
            e.HasIndex(x => new { x.ClinicId, x.State });
            e.HasIndex(x => new { x.PatientId, x.State });
        });
        b.Entity<AlertSnooze>(e =>
        {
            e.ToTable("alert_snoozes");
            e.HasKey(x => new { x.PatientId, x.Rule });
        });
        b.Entity<CareTask>(e =>
        {
            e.ToTable("tasks");
            e.Property(x => x.Outcome).HasMaxLength(CareTaskOutcomes.MaxLength);
            e.Property(x => x.Note).HasMaxLength(CareTask.MaxNoteLength);
            e.HasIndex(x => new { x.ClinicId, x.GridId, x.State });
            e.HasIndex(x => x.AlertId);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(x => new { x.EntityType, x.EntityId });
        });
        b.Entity<AlertOutboxEntry>(e =>
        {
            e.ToTable("alert_outbox");
            e.HasIndex(x => x.PublishedAt);
            e.HasIndex(x => x.WebhooksDoneAt);
        });
        b.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("webhook_subscriptions");
            e.HasIndex(x => x.ClinicId);
        });
        b.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasIndex(x => new { x.SubscriptionId, x.At });
            e.HasIndex(x => x.OutboxEntryId);
        });
        b.Entity<GatewayState>(e =>
        {
            e.ToTable("gateways");
            e.HasKey(x => new { x.ClinicId, x.GatewayId });
        });
        b.Entity<EvaluationQueueItem>(e =>
        {
            e.ToTable(EvaluationQueueItem.TableName);
            e.HasIndex(x => new { x.Urgent, x.Id });
        });
        b.Entity<EngineLease>(e =>
        {
            e.ToTable("engine_leases");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(IdLength);
            e.Property(x => x.Holder).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.HasOne<Clinic>().WithMany().HasForeignKey(x => x.ClinicId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
