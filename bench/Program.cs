using Portal.Bench;

var scenario = args.FirstOrDefault();
return scenario switch
{
    "odoo" => await OdooScenario.RunAsync(),
    "jobs" => await JobsScenario.RunAsync(),
    "webhooks" => await WebhooksScenario.RunAsync(),
    "orders" => await OrdersScenario.RunAsync(),
    "reconcile" => await ReconcileScenario.RunAsync(),
    _ => Usage(scenario),
};

static int Usage(string? scenario)
{
    Console.Error.WriteLine(scenario is null
        ? "usage: dotnet run -c Release --project bench -- <scenario>   (scenarios: odoo, jobs, webhooks, orders, reconcile)"
        : $"unknown scenario '{scenario}'; available: odoo, jobs, webhooks, orders, reconcile");
    return 2;
}
