using Portal.Hosting;

if (ImportCommand.IsRequested(args))
{
    return await ImportCommand.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
app.UsePortal();

return await app.RunPortalAsync();
