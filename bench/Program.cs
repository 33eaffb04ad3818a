using Portal.Bench;

var scenario = args.FirstOrDefault();
return scenario switch
{
    "odoo" => await OdooScenario.RunAsync(),
    "jobs" => await JobsScenario.RunAsync(),
    "webhooks" => await WebhooksScenario.RunAsync(),
    "orders" => await OrdersScenario.RunAsync(),
    _ => Usage(scenario),
};

static int Usage(string? scenario)
{
    Console.Error.WriteLine(scenario is null
        ? "usage: dotnet run -c Release --project bench -- <scenario>   (scenarios: odoo, jobs, webhooks, orders)"
        : $"unknown scenario '{scenario}'; available: odoo, jobs, webhooks, orders");
    return 2;
}
