using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Fulfilment;

/// <summary>A store whose portal runs on a clock the scenario moves, so it decides when the next delivery poll is due.</summary>
public interface IFulfilmentStore
{
    FakeTimeProvider Clock { get; }
}
