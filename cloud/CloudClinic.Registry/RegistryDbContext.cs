using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Registry;

/// <summary>
/// The registry (DESIGN.md §4): clinics, grids, users, patients, care plans, alerts, tasks, audit, the alert outbox
/// and webhooks. One subclass per provider carries its own migrations; callers only see this type.
/// Tables outside the model (the ingest's <c>dead_letters</c>) share the SQLite file and are never touched.
/// </summary>
public abstract class RegistryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<Grid> Grids => Set<Grid>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<PatientCondition> PatientConditions => Set<PatientCondition>();

    public DbSet<CarePlan> CarePlans => Set<CarePlan>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertSnooze> Snoozes => Set<AlertSnooze>();

    public DbSet<CareTask> Tasks => Set<CareTask>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<AlertOutboxEntry> AlertOutbox => Set<AlertOutboxEntry>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<GatewayState> Gateways => Set<GatewayState>();

    public DbSet<EvaluationQueueItem> EvaluationQueue => Set<EvaluationQueueItem>();

    public DbSet<EngineLease> Leases => Set<EngineLease>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => RegistryModel.Configure(modelBuilder);
}
