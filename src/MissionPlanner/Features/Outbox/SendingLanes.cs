using MissionPlanner.Domain.Messaging;
using MissionPlanner.Messaging;

namespace MissionPlanner.Features.Outbox;

/// <summary>
/// A claimed batch as the dispatcher's connections take it: each takes the next message, and all
/// stop taking once one of them has been told to slow down (or found the server unusable).
/// Thread-safe: every connection sends on a task of its own.
/// </summary>
internal sealed class Lineup(IEnumerable<OutboxMessage> messages)
{
    private readonly object gate = new();
    private readonly Queue<OutboxMessage> waiting = new(messages);
    private readonly List<OutboxMessage> halted = [];
    private int sent, retrying, failed;

    /// <summary>Completed by the first message the server accepts, or when the first connection ends: further connections open only then.</summary>
    public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The reply that stopped the batch (a throttle or an unusable server); null while it goes on.</summary>
    public SendResult? Stop { get; private set; }

    public int Sent => sent;
    public int Retrying => retrying;
    public int Failed => failed;

    public bool HasWaiting
    {
        get
        {
            lock (gate)
            {
                return waiting.Count > 0;
            }
        }
    }

    public bool TryTake(out OutboxMessage message)
    {
        lock (gate)
        {
            if (Stop is null && waiting.TryDequeue(out var next))
            {
                message = next;
                return true;
            }

            message = null!;
            return false;
        }
    }

    /// <summary>A message a connection could not start with goes to another connection; its attempt is not spent twice.</summary>
    public void GiveBack(OutboxMessage message)
    {
        lock (gate)
        {
            waiting.Enqueue(message);
        }
    }

    /// <summary>Stops every connection at its next message; <paramref name="message"/> and those not yet taken wait for the pause.</summary>
    public void Halt(OutboxMessage message, SendResult reply)
    {
        lock (gate)
        {
            Stop ??= reply;
            halted.Add(message);
        }
    }

    /// <summary>Stops every connection at its next message, because one of them failed (e.g. the database went away).</summary>
    public void Abandon()
    {
        lock (gate)
        {
            Stop ??= new SendResult(SendOutcome.RetryLater, "abandoned");
        }
    }

    /// <summary>The halted messages first, then those no connection took, in their order.</summary>
    public List<OutboxMessage> Unsent()
    {
        lock (gate)
        {
            return [.. halted, .. waiting];
        }
    }

    public void Count(OutboxMessage message)
    {
        switch (message.Status)
        {
            case OutboxStatus.Sent:
                Interlocked.Increment(ref sent);
                Opened.TrySetResult();
                break;
            case OutboxStatus.Failed:
                Interlocked.Increment(ref failed);
                break;
            default:
                Interlocked.Increment(ref retrying);
                break;
        }
    }
}

/// <summary>
/// Writes outcomes one group at a time on a task of its own: outcomes that arrive while a group
/// is being written go together in the next transaction (group commit). Each <see cref="Record"/>
/// completes when its outcome has committed; a connection holds its next message's end-of-data
/// until then, so the server holds at most one accepted, unrecorded message per connection.
/// </summary>
internal sealed class OutcomeRecorder(Func<IReadOnlyList<OutboxMessage>, Task> write)
{
    private readonly object gate = new();
    private List<(OutboxMessage Message, TaskCompletionSource Done)> pending = [];
    private Task writer = Task.CompletedTask;
    private bool writing;

    public Task Record(OutboxMessage message)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            pending.Add((message, done));
            if (!writing)
            {
                writing = true;
                // On the thread pool: Microsoft.Data.Sqlite completes its "async" calls synchronously.
                writer = Task.Run(WriteGroupsAsync, CancellationToken.None);
            }
        }

        return done.Task;
    }

    /// <summary>Completes when every outcome recorded so far has been written or has failed (never throws: failures go to each record's task).</summary>
    public Task IdleAsync()
    {
        lock (gate)
        {
            return writer;
        }
    }

    private async Task WriteGroupsAsync()
    {
        while (true)
        {
            List<(OutboxMessage Message, TaskCompletionSource Done)> group;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    writing = false;
                    return;
                }

                group = pending;
                pending = [];
            }

            try
            {
                await write([.. group.Select(g => g.Message)]);
                group.ForEach(g => g.Done.SetResult());
            }
            catch (Exception ex)
            {
                group.ForEach(g => g.Done.SetException(ex));
            }
        }
    }
}
