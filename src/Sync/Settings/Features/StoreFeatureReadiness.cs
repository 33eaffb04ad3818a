using Portal.Data.Entities;
using Portal.Sync.Settings.Coverage;

namespace Portal.Sync.Settings.Features;

/// <summary>
/// What a store's mappings and settings cover, as <see cref="StoreFeatureRequirements"/> needs it. <see cref="Coverage"/>
/// is null when it was not read (nothing asked for it) or could not be (<see cref="CoverageProblem"/> says why).
/// </summary>
public sealed record StoreFeatureReadiness(
    Guid StoreId,
    MappingCoverage? Coverage,
    string? CoverageProblem,
    bool PrimaryLocationMapped,
    CustomerStrategy CustomerStrategy,
    long? SingleCustomerId);
