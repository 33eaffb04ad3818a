using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Sync.Jobs;
using Quartz;

namespace Portal.Sync.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Each store's notification address and the alert emails sent to it.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationsOptions>().BindConfiguration("Notifications")
            .Validate(o => o.AlertInterval >= TimeSpan.FromMinutes(1), "Notifications:AlertInterval must be at least one minute.")
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Notifications:Smtp:Port must be a TCP port (1 to 65535).")
            .ValidateOnStart();
        services.AddSingleton<IValidator<StoreNotificationForm>, StoreNotificationFormValidator>();
        services.AddScoped<StoreNotificationService>();
        services.AddSingleton<IAlertMailer, SmtpAlertMailer>();
        services.AddSingleton<StoreAlertScheduler>();
        services.AddSingleton<IJobHandler, StoreAlertFlow>();
        return services;
    }

    /// <summary>Schedules the alert emails in this process (on every instance; the job store dedupes them).</summary>
    public static IServiceCollection AddNotificationSchedule(this IServiceCollection services)
    {
        services.AddOptions<QuartzOptions>().Configure<IOptions<NotificationsOptions>>((quartz, notifications) =>
            quartz.AddRepeating<StoreAlertWorker>(StoreAlertWorker.Key, notifications.Value.AlertInterval));
        return services;
    }
}
