namespace Portal.Fakes.Odoo;

/// <summary>A sale order with everything order-to-cash made from it, as <see cref="FakeOdooRecords"/> reads it.</summary>
public sealed record FakeOdooSaleOrder(
    long Id,
    string Name,
    string State,
    string Origin,
    string ClientOrderRef,
    long PartnerId,
    long? InvoiceAddressId,
    long? ShippingAddressId,
    long? CarrierId,
    decimal AmountUntaxed,
    decimal AmountTax,
    decimal AmountTotal,
    string InvoiceStatus,
    IReadOnlyList<FakeOdooSaleLine> Lines,
    IReadOnlyList<FakeOdooInvoice> Invoices,
    IReadOnlyList<FakeOdooInvoice> CreditNotes,
    IReadOnlyList<FakeOdooPicking> Pickings,
    IReadOnlyList<FakeOdooPayment> Payments);

public sealed record FakeOdooSaleLine(
    long Id,
    int Sequence,
    long? ProductId,
    string Sku,
    string Name,
    decimal Quantity,
    decimal PriceUnit,
    decimal Discount,
    IReadOnlyList<long> TaxIds,
    decimal Subtotal,
    decimal Tax,
    decimal Total,
    decimal QtyDelivered,
    decimal QtyInvoiced,
    bool IsDelivery);

/// <summary>An invoice or a credit note (<see cref="MoveType"/> out_invoice or out_refund).</summary>
public sealed record FakeOdooInvoice(
    long Id,
    string Name,
    string MoveType,
    string State,
    string PaymentState,
    string Origin,
    string Ref,
    long? ReversedEntryId,
    decimal AmountUntaxed,
    decimal AmountTax,
    decimal AmountTotal,
    decimal AmountResidual,
    IReadOnlyList<FakeOdooInvoiceLine> Lines);

public sealed record FakeOdooInvoiceLine(
    long Id,
    long? ProductId,
    string Name,
    decimal Quantity,
    decimal PriceUnit,
    decimal Discount,
    IReadOnlyList<long> TaxIds,
    IReadOnlyList<long> SaleLineIds,
    decimal Subtotal,
    decimal Total);

/// <summary>A delivery (<see cref="TypeCode"/> outgoing) or a return (incoming, <see cref="ReturnOfId"/> set).</summary>
public sealed record FakeOdooPicking(long Id, string Name, string State, string TypeCode, string Origin, long? ReturnOfId, IReadOnlyList<FakeOdooStockMove> Moves);

public sealed record FakeOdooStockMove(long Id, long ProductId, decimal Demand, decimal Quantity, string State, long? SaleLineId);

/// <summary>A payment; <see cref="Reference"/> is ref on Odoo 17 and memo on 18 and later.</summary>
public sealed record FakeOdooPayment(
    long Id,
    string Name,
    string State,
    string PaymentType,
    decimal Amount,
    long? JournalId,
    string JournalName,
    long? PartnerId,
    string Reference,
    string Date,
    IReadOnlyList<long> ReconciledInvoiceIds);

public sealed record FakeOdooPartner(
    long Id,
    string Name,
    string Email,
    string Phone,
    string Street,
    string Street2,
    string City,
    string Zip,
    string CountryCode,
    string StateCode,
    long? ParentId,
    string Type,
    bool IsCompany);
