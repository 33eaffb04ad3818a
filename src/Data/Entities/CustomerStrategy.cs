namespace Portal.Data.Entities;

/// <summary>Whose name an order is under in Odoo.</summary>
public enum CustomerStrategy
{
    /// <summary>The Odoo contact with the order's email, created when missing and kept up to date.</summary>
    MatchByEmail,

    /// <summary>One configured Odoo customer for every order; each order keeps its own delivery address.</summary>
    SingleCustomer,
}
