using Portal.Fakes.Odoo;

namespace Portal.Tests.Orders;

/// <summary>The seed's journals (<see cref="FakeOdooSeed"/>).</summary>
public static class OdooJournals
{
    public const long Bank = 2;
    public const long PayPal = 5;
    public const long GiftCard = 6;
}
