using Portal.Sync.Settings;
using Portal.Sync.Settings.Coverage;

namespace Portal.Sync.Tests.Settings;

public class MappingSuggestionsTests
{
    private static readonly OdooTaxChoice Tax15 = new(1, "15%", 15m, false, null);
    private static readonly OdooTaxChoice Tva20Included = new(2, "TVA 20% TTC", 20m, true, "France", "FR");
    private static readonly OdooTaxChoice Tax20 = new(3, "Tax 20%", 20m, false, null);
    private static readonly OdooTaxChoice Gst5Canada = new(4, "GST 5%", 5m, false, "Canada", "CA");
    private static readonly OdooTaxChoice Tax5 = new(5, "Tax 5%", 5m, false, null);
    private static readonly OdooTaxChoice Vat20Germany = new(6, "MwSt 19%", 19m, false, "Germany", "DE");
    private static readonly IReadOnlyList<OdooTaxChoice> OdooTaxes = [Tax15, Tva20Included, Tax20, Gst5Canada, Tax5, Vat20Germany];

    [Fact]
    public void A_tax_is_suggested_by_rate_inclusion_and_country_its_own_country_first()
    {
        Assert.Equal(Tva20Included, TaxSuggestions.For(Seen("TVA 20%", 0.2m, "FR", included: true), OdooTaxes));
        Assert.Equal(Tax20, TaxSuggestions.For(Seen("VAT", 0.2m, "FR", included: false), OdooTaxes));
        Assert.Equal(Gst5Canada, TaxSuggestions.For(Seen("GST", 0.05m, "CA", included: false), OdooTaxes));
        Assert.Equal(Tax5, TaxSuggestions.For(Seen("Sales tax", 0.05m, "US", included: false), OdooTaxes));
    }

    [Fact]
    public void No_tax_is_suggested_when_rate_inclusion_or_country_differ()
    {
        Assert.Null(TaxSuggestions.For(Seen("GST", 0.07m, "CA", included: false), OdooTaxes));
        Assert.Null(TaxSuggestions.For(Seen("TVA 20%", 0.2m, "DE", included: true), OdooTaxes));
        Assert.Null(TaxSuggestions.For(Seen("MwSt", 0.19m, "AT", included: false), OdooTaxes));
    }

    [Fact]
    public void A_tax_of_unknown_rate_is_suggested_by_its_name_only()
    {
        Assert.Equal(Tax5, TaxSuggestions.For(Seen("tax 5%", null, "", included: false), OdooTaxes));
        Assert.Null(TaxSuggestions.For(Seen("Sales tax", null, "", included: false), OdooTaxes));
    }

    [Fact]
    public void Names_match_whatever_their_case_spaces_and_punctuation_else_by_the_longest_name_contained()
    {
        IReadOnlyList<OdooChoice> journals = [new(1, "Bank"), new(2, "Cash"), new(3, "Shopify Payments"), new(4, "PayPal"), new(5, "Gift Card")];

        Assert.Equal(3, NameSuggestions.For(["shopify_payments", null], journals)?.Id);
        Assert.Equal(4, NameSuggestions.For(["paypal"], journals)?.Id);
        Assert.Equal(5, NameSuggestions.For(["gift_card"], journals)?.Id);
        Assert.Equal(1, NameSuggestions.For(["bacs", "Direct Bank Transfer"], journals)?.Id);
        Assert.Null(NameSuggestions.For(["bogus"], journals));
        Assert.Null(NameSuggestions.For(["Bank or cash"], journals));
    }

    [Fact]
    public void The_preview_names_the_unmapped_taxes_and_how_many_orders_use_them()
    {
        static MappingCoverage Coverage(int read, int clean, params SeenTaxLine[] taxes) => new(read, clean, taxes, [], []);
        var gst = new SeenTaxLine("GST 5 %", 0.05m, "CA", false, 4, null);
        var pst = new SeenTaxLine("PST 8 %", 0.08m, "CA", false, 1, null);
        var tva = new SeenTaxLine("TVA 20%", 0.2m, "FR", true, 196, 7);

        Assert.Equal("Of the last 200 orders, 196 map cleanly; 4 use 'GST 5 %', which has no mapping.", CoveragePreview.Taxes(Coverage(200, 196, tva, gst)));
        Assert.Equal("Of the last 200 orders, 195 map cleanly; 4 use 'GST 5 %' and 1 uses 'PST 8 %', which have no mapping.", CoveragePreview.Taxes(Coverage(200, 195, tva, gst, pst)));
        Assert.Equal("Of the last 196 orders, 196 map cleanly.", CoveragePreview.Taxes(Coverage(196, 196, tva)));
        Assert.Equal("Of the last 196 orders, 190 map cleanly; every tax is mapped.", CoveragePreview.Taxes(Coverage(196, 190, tva)));
        Assert.StartsWith("The store has no orders", CoveragePreview.Taxes(Coverage(0, 0)), StringComparison.Ordinal);
    }

    private static SeenTaxLine Seen(string title, decimal? rate, string country, bool included) => new(title, rate, country, included, 1, null);
}
