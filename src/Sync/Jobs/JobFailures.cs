using Portal.Sync.Flows.Orders;
using Portal.Sync.Odoo;
using Portal.Sync.Stores;

namespace Portal.Sync.Jobs;

/// <summary>Turns what a flow threw into a <see cref="JobFailure"/> the retry policy acts on.</summary>
public static class JobFailures
{
    public static JobFailure From(Exception exception) => exception switch
    {
        JobConfigurationException configuration => new(JobErrorKind.Configuration, configuration.Message, configuration.FixPath),
        OrderTotalsMismatchException mismatch => new(JobErrorKind.Validation, mismatch.Message, Detail: mismatch.Breakdown),
        JobNotReadyException notReady => new(JobErrorKind.Transient, notReady.Message),
        JobNeedsPersonException person => new(JobErrorKind.Validation, person.Message, person.FixPath),
        OdooException { Kind: OdooErrorKind.Transient } odoo => new(JobErrorKind.Transient, odoo.Message, Detail: Detail(odoo)),
        OdooException { Kind: OdooErrorKind.Authentication or OdooErrorKind.Permission } odoo =>
            new(JobErrorKind.Configuration, odoo.Message, "odoo", Detail: Detail(odoo)),
        OdooException { Kind: OdooErrorKind.Validation or OdooErrorKind.Missing } odoo => new(JobErrorKind.Validation, odoo.Message, Detail: Detail(odoo)),
        OdooException odoo => new(JobErrorKind.Unexpected, odoo.Message, Detail: Detail(odoo)),
        StoreApiException { Kind: StoreApiErrorKind.Transient } store => new(JobErrorKind.Transient, store.Message),
        StoreApiException { Kind: StoreApiErrorKind.Authentication or StoreApiErrorKind.Permission or StoreApiErrorKind.Configuration } store =>
            new(JobErrorKind.Configuration, store.Message, "stores"),
        StoreApiException { Kind: StoreApiErrorKind.Validation } store => new(JobErrorKind.Validation, store.Message),
        StoreApiException store => new(JobErrorKind.Unexpected, store.Message),
        TimeoutException or HttpRequestException => new(JobErrorKind.Transient, exception.Message),
        _ => new(JobErrorKind.Unexpected, $"{exception.GetType().Name}: {exception.Message}", Detail: exception.ToString()),
    };

    // Odoo's exception class and traceback, for the job detail view (admins and owners only).
    private static string? Detail(OdooException odoo) => odoo.OdooName is null ? null : $"{odoo.OdooName}\n{odoo.Debug}";
}
