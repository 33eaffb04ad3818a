namespace Portal.Data.Entities;

/// <summary>What a matching dry run found for one store variant.</summary>
public enum ProductMatchOutcome
{
    /// <summary>Exactly one Odoo product has its SKU or barcode.</summary>
    Matched,

    /// <summary>Several Odoo products have it; a person picks one.</summary>
    Ambiguous,

    /// <summary>No Odoo product has it, or the variant has neither.</summary>
    Unmatched,

    /// <summary>The variant is linked already.</summary>
    Linked,
}
