using Portal.Fakes.Odoo;

namespace Portal.Tests.Orders;

/// <summary>The seed's sale taxes (<see cref="FakeOdooSeed"/>).</summary>
public static class OdooTaxes
{
    public const long FifteenPercent = 1;
    public const long TvaIncluded = 2;
    public const long FivePercent = 3;
    public const long TenPercent = 4;
}
