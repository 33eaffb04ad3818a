namespace Portal.Fakes.Odoo;

/// <summary>How an answer gets lost after Odoo did the work: a proxy's 504 or 503 page, or the connection reset.</summary>
public enum FakeOdooFault
{
    GatewayTimeout,
    ServiceUnavailable,
    ConnectionReset,
}
