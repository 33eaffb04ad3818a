using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Sync.Jobs;

namespace Portal.Bench;

/// <summary>
/// A tenant with a long job history, as the inspector meets it after months: mostly succeeded jobs, some
/// waiting, running, failing, parked and ignored ones, over several flows and stores, the failing ones for a
/// few dozen root causes. Written with multi-row INSERTs straight into the table (EnqueueAsync would take
/// a minute), each value bound with the model's own type mapping, so it is stored exactly as EF Core stores it.
/// </summary>
internal static class InspectorBacklog
{
    private const int RowsPerStatement = 500;

    private static readonly string[] Flows = ["orders.import", "refunds.import", "payments.import", "stock.push", "products.sync", "fulfilment.push"];

    private static readonly JobFailure[] Failures =
    [
        .. Enumerable.Range(1, 12).Select(i => new JobFailure(JobErrorKind.Configuration, $"No tax mapping for 'VAT {i} %' ({i} %, FR, included)", "mappings/tax")),
        .. Enumerable.Range(1, 6).Select(i => new JobFailure(JobErrorKind.Configuration, $"No journal mapping for gateway 'gateway-{i}'", "mappings/journal")),
        .. Enumerable.Range(1, 8).Select(i => new JobFailure(JobErrorKind.Validation, $"Odoo refused the record: the partner {i} is archived")),
        .. Enumerable.Range(1, 4).Select(i => new JobFailure(JobErrorKind.Transient, $"Odoo is unavailable ({500 + i})")),
    ];

    public static async Task SeedAsync(PortalDbContextActivator activator, Guid tenantId, int count, DateTimeOffset now)
    {
        var random = new Random(20261124);
        var stores = Enumerable.Range(0, 5).Select(_ => Guid.CreateVersion7()).ToArray();
        var jobs = Enumerable.Range(0, count).Select(i => NewJob(i, tenantId, stores, random, now - TimeSpan.FromSeconds(count - i) * 25)).ToList();

        var columns = activator.Model.FindEntityType(typeof(Job))!.GetProperties().ToList();
        var table = activator.Model.FindEntityType(typeof(Job))!.GetTableName();
        await using var connection = await activator.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var chunk in jobs.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = chunk.Select(job => "(" + string.Join(", ", columns.Select(column =>
            {
                var name = $"@p{command.Parameters.Count}";
                command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, name, column.PropertyInfo!.GetValue(job), column.IsNullable));
                return name;
            })) + ")");
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) VALUES {string.Join(", ", rows)};";
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static Job NewJob(int i, Guid tenantId, Guid[] stores, Random random, DateTimeOffset updated)
    {
        var state = random.Next(100) switch
        {
            < 70 => JobState.Succeeded,
            < 78 => JobState.Pending,
            < 79 => JobState.Running,
            < 85 => JobState.Failed,
            < 97 => JobState.NeedsAttention,
            _ => JobState.Cancelled,
        };
        var failure = state is JobState.Failed or JobState.NeedsAttention ? Failures[random.Next(Failures.Length)] : null;
        var flow = Flows[random.Next(Flows.Length)];
        var active = JobTransitions.HoldsIdentity(state);
        return new Job
        {
            TenantId = tenantId,
            StoreId = random.Next(10) == 0 ? null : stores[random.Next(stores.Length)],
            Flow = flow,
            Subject = $"{flow} #{100000 + i}",
            SubjectKey = $"{flow}:{100000 + i}",
            IdentityKey = $"{flow}/{100000 + i}",
            ActiveIdentityKey = active ? $"{flow}/{100000 + i}" : null,
            State = state,
            Attempts = state == JobState.Pending ? 0 : 1 + random.Next(3),
            MaxAttempts = 8,
            NextRunAt = updated,
            LeaseOwner = state == JobState.Running ? "bench-node" : null,
            LeaseExpiresAt = state == JobState.Running ? updated.AddMinutes(5) : null,
            DuplicatesSkipped = random.Next(20) == 0 ? 1 : 0,
            ErrorKind = failure?.Kind.ToString(),
            LastError = failure?.Message,
            ErrorFingerprint = failure?.Fingerprint,
            FixPath = failure?.FixPath,
            CreatedAt = updated - TimeSpan.FromSeconds(random.Next(600)),
            UpdatedAt = updated,
        };
    }
}
