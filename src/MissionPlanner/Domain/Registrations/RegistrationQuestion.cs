using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Registrations;

public enum QuestionKind
{
    Text,
    SingleChoice,
    MultipleChoice,
    YesNo,
}

/// <summary>A question an organiser adds to the registration form, e.g. "Which lab interests you most?".</summary>
public sealed class RegistrationQuestion : IVersioned
{
    public const int PromptMax = 300;
    public const int OptionMax = 200;
    public const int OptionsMax = 30;
    public const int TextAnswerMax = 2000;
    public const string Yes = "yes";
    public const string No = "no";

    private RegistrationQuestion()
    {
    }

    public RegistrationQuestion(Guid missionId, int position, string prompt, QuestionKind kind, IReadOnlyList<string> options, bool required)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        Position = position;
        Update(prompt, kind, options, required);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }
    public int Position { get; private set; }
    public string Prompt { get; private set; } = "";
    public QuestionKind Kind { get; private set; }

    /// <summary>The choices, one per line; empty for text and yes/no questions.</summary>
    public string Options { get; private set; } = "";
    public bool Required { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<string> OptionList => Kind switch
    {
        QuestionKind.YesNo => [Yes, No],
        QuestionKind.Text => [],
        _ => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries),
    };

    public void Update(string prompt, QuestionKind kind, IReadOnlyList<string> options, bool required)
    {
        var cleaned = options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            if (cleaned.Count < 2)
            {
                throw new DomainException(nameof(Options), "A choice question needs at least two options, one per line.");
            }

            if (cleaned.Count > OptionsMax || cleaned.Any(o => o.Length > OptionMax))
            {
                throw new DomainException(nameof(Options), $"Give at most {OptionsMax} options of up to {OptionMax} characters.");
            }

            if (cleaned.Distinct(StringComparer.OrdinalIgnoreCase).Count() != cleaned.Count)
            {
                throw new DomainException(nameof(Options), "Each option may appear only once.");
            }
        }
        else
        {
            cleaned = [];
        }

        Prompt = prompt.Trim();
        Kind = kind;
        Options = string.Join('\n', cleaned);
        Required = required;
    }

    public void MoveTo(int position) => Position = position;

    /// <summary>
    /// Checks one person's answer and returns it in canonical form (options as the organiser wrote
    /// them, in their order), or the reason it cannot be accepted.
    /// </summary>
    public (IReadOnlyList<string> Answer, string? Error) Check(IReadOnlyList<string>? given)
    {
        var values = (given ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            return ([], Required ? "Please answer this question." : null);
        }

        if (Kind == QuestionKind.Text)
        {
            var text = string.Join("\n", values);
            return text.Length > TextAnswerMax ? ([], $"Keep the answer under {TextAnswerMax} characters.") : ([text], null);
        }

        var options = OptionList;
        var unknown = values.FirstOrDefault(v => !options.Contains(v, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            return ([], $"'{Shorten(unknown)}' is not one of the options: {string.Join(", ", options)}.");
        }

        var chosen = options.Where(o => values.Contains(o, StringComparer.OrdinalIgnoreCase)).ToList();
        return Kind != QuestionKind.MultipleChoice && chosen.Count > 1 ? ([], "Choose one option.") : (chosen, null);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
