namespace Portal.Data.Entities;

/// <summary>How store discounts appear on the sale order.</summary>
public enum DiscountMode
{
    /// <summary>A line of the configured discount product per discount and tax, with a negative price.</summary>
    DiscountProductLine,

    /// <summary>A percentage on each discounted line.</summary>
    LineDiscount,
}
