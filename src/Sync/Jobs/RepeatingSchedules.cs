using Quartz;

namespace Portal.Sync.Jobs;

public static class RepeatingSchedules
{
    /// <summary>Runs <typeparamref name="TJob"/> now and then every <paramref name="interval"/>, in every instance that registers it.</summary>
    public static void AddRepeating<TJob>(this QuartzOptions quartz, JobKey key, TimeSpan interval)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key));
        quartz.AddTrigger(trigger => trigger.ForJob(key).StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()));
    }
}
