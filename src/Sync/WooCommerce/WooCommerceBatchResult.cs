using System.Text.Json;

namespace Portal.Sync.WooCommerce;

/// <summary>
/// What a batch did: the objects WooCommerce created, updated and deleted, as it returned them, and the ones it
/// refused. A batch answers 200 even when some objects failed, so callers must look at <see cref="Failures"/>.
/// </summary>
public sealed record WooCommerceBatchResult(
    IReadOnlyList<JsonElement> Created,
    IReadOnlyList<JsonElement> Updated,
    IReadOnlyList<JsonElement> Deleted,
    IReadOnlyList<WooCommerceBatchFailure> Failures);
