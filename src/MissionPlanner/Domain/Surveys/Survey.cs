using MissionPlanner.Domain.Common;

namespace MissionPlanner.Domain.Surveys;

/// <summary>What a survey question asks for.</summary>
public enum SurveyQuestionKind
{
    /// <summary>A whole number from <see cref="SurveyQuestion.RatingMin"/> (poor) to <see cref="SurveyQuestion.RatingMax"/> (excellent).</summary>
    Rating,

    /// <summary>Exactly one of the options.</summary>
    OneChoice,

    /// <summary>Any number of the options.</summary>
    SeveralChoices,

    /// <summary>Free text of up to <see cref="SurveyQuestion.TextAnswerMax"/> characters.</summary>
    Text,
}

/// <summary>
/// Where a survey stands. Draft and Scheduled can still be changed; Scheduled goes out by itself once
/// what it asks about has ended; Open takes answers until it closes; Closed takes none.
/// </summary>
public enum SurveyStatus
{
    Draft,
    Scheduled,
    Open,
    Closed,
}

/// <summary>
/// A feedback survey for the whole mission, one programme item or one visit. Organisers build it and
/// schedule it; the survey job sends it through each person's registration link once what it asks
/// about has ended (the item, the visit's last group, or the mission's last item), reminds those who
/// have not answered, and closes it <see cref="OpenDays"/> days after sending. An anonymous survey's
/// answers carry no name and no time: who answered is kept apart, only so that nobody answers twice
/// and answered people are not reminded.
/// </summary>
public sealed class Survey : IVersioned
{
    public const int TitleMax = 200;
    public const int IntroMax = 2000;
    public const int QuestionsMax = 30;
    public const int OpenDaysMax = 90;

    private readonly List<SurveyQuestion> _questions = [];

    private Survey()
    {
    }

    public Survey(Guid missionId, Guid? programmeItemId, Guid? visitId, DateTime now)
    {
        Id = Guid.NewGuid();
        MissionId = missionId;
        CreatedAt = now;
        About(programmeItemId, visitId);
    }

    public Guid Id { get; private set; }
    public Guid MissionId { get; private set; }

    /// <summary>The programme item asked about; null with <see cref="VisitId"/> null for the whole mission.</summary>
    public Guid? ProgrammeItemId { get; private set; }

    /// <summary>The visit asked about (all its published groups).</summary>
    public Guid? VisitId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>A few words above the questions, e.g. why the answers matter and who reads them.</summary>
    public string? Intro { get; private set; }

    /// <summary>Answers carry no name: neither organisers, exports nor the report can tell who gave them.</summary>
    public bool Anonymous { get; private set; }

    /// <summary>Days it takes answers after it is sent (1–<see cref="OpenDaysMax"/>).</summary>
    public int OpenDays { get; private set; } = 14;

    public SurveyStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }

    /// <summary>UTC; set when it is sent (midnight, mission time, ending the <see cref="OpenDays"/>th day after), or when an organiser closes it early.</summary>
    public DateTime? ClosesAt { get; private set; }

    public DateTime? RemindedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<SurveyQuestion> Questions => _questions;

    /// <summary>Its definition can change until it is sent: after that, answers depend on it.</summary>
    public bool CanChange => Status is SurveyStatus.Draft or SurveyStatus.Scheduled;

    public bool TakesAnswers(DateTime now) => Status == SurveyStatus.Open && now < ClosesAt;

    /// <summary>What it asks about: one programme item, one visit, or (both null) the whole mission.</summary>
    /// <exception cref="DomainException">"ProgrammeItemId" when both are given; "Status" once sent.</exception>
    public void About(Guid? programmeItemId, Guid? visitId)
    {
        if (!CanChange)
        {
            throw new DomainException(nameof(Status), "This survey has been sent: it can no longer change (close it instead).");
        }

        if (programmeItemId is not null && visitId is not null)
        {
            throw new DomainException(nameof(ProgrammeItemId), "A survey asks about the mission, one programme item or one visit, not several.");
        }

        ProgrammeItemId = programmeItemId;
        VisitId = visitId;
    }

    /// <summary>Sets the title, introduction, anonymity, how long it stays open and the questions (in order), replacing the ones before.</summary>
    /// <exception cref="DomainException">Once sent ("Status"); on "Questions[i].…" for a question that breaks its kind's rules; on "Questions" above <see cref="QuestionsMax"/>.</exception>
    public void Define(string title, string? intro, bool anonymous, int openDays, IReadOnlyList<SurveyQuestionDefinition> questions)
    {
        if (!CanChange)
        {
            throw new DomainException(nameof(Status), "This survey has been sent: it can no longer change (close it instead).");
        }

        if (openDays is < 1 or > OpenDaysMax)
        {
            throw new DomainException(nameof(OpenDays), $"A survey stays open between 1 and {OpenDaysMax} days.");
        }

        if (questions.Count > QuestionsMax)
        {
            throw new DomainException(nameof(Questions), $"A survey has at most {QuestionsMax} questions.");
        }

        var built = questions.Select((q, i) => new SurveyQuestion(Id, i + 1, q, i)).ToList();
        if (Status == SurveyStatus.Scheduled && built.Count == 0)
        {
            throw new DomainException(nameof(Questions), "A scheduled survey needs at least one question.");
        }

        Title = title.Trim();
        Intro = string.IsNullOrWhiteSpace(intro) ? null : intro.Trim();
        Anonymous = anonymous;
        OpenDays = openDays;
        _questions.Clear();
        _questions.AddRange(built);
    }

    /// <summary>Ready to go out once what it asks about has ended; back to draft with <paramref name="scheduled"/> false.</summary>
    /// <exception cref="DomainException">"Questions" when it has none; "Status" once sent.</exception>
    public void Schedule(bool scheduled)
    {
        if (!CanChange)
        {
            throw new DomainException(nameof(Status), "This survey has been sent already.");
        }

        if (scheduled && _questions.Count == 0)
        {
            throw new DomainException(nameof(Questions), "Add at least one question before scheduling the survey.");
        }

        Status = scheduled ? SurveyStatus.Scheduled : SurveyStatus.Draft;
    }

    /// <summary>Open from <paramref name="now"/> to the end of the <see cref="OpenDays"/>th day after it, in the mission's time zone.</summary>
    public void Sent(DateTime now, TimeZoneInfo missionZone)
    {
        Status = SurveyStatus.Open;
        SentAt = now;
        var lastDay = Missions.MissionTime.LocalDate(now, missionZone).AddDays(OpenDays);
        ClosesAt = Missions.MissionTime.ToUtc(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), missionZone);
    }

    public void Reminded(DateTime now) => RemindedAt = now;

    /// <summary>Stops taking answers: at its closing time (the survey job) or earlier by an organiser.</summary>
    /// <exception cref="DomainException">"Status" when it was never sent.</exception>
    public void Close(DateTime now)
    {
        if (Status is not (SurveyStatus.Open or SurveyStatus.Closed))
        {
            throw new DomainException(nameof(Status), "A survey that has not been sent cannot be closed: take it back to draft, or delete it.");
        }

        if (Status == SurveyStatus.Open)
        {
            Status = SurveyStatus.Closed;
            ClosesAt = ClosesAt is { } at && at < now ? at : now;
        }
    }
}

/// <summary>A question as an organiser writes it: options one per entry for choice questions, none for the others.</summary>
public sealed record SurveyQuestionDefinition(SurveyQuestionKind Kind, string Text, IReadOnlyList<string>? Options, bool Required);

/// <summary>One question of a <see cref="Survey"/>, at its position (1, 2, …).</summary>
public sealed class SurveyQuestion
{
    public const int TextMax = 300;
    public const int OptionMax = 200;
    public const int OptionsMax = 20;
    public const int TextAnswerMax = 2000;

    /// <summary>The longest stored answer: a text, or every option chosen, one per line.</summary>
    public const int AnswerMax = (OptionMax + 1) * OptionsMax > TextAnswerMax ? (OptionMax + 1) * OptionsMax : TextAnswerMax;
    public const int RatingMin = 1;
    public const int RatingMax = 5;

    private SurveyQuestion()
    {
    }

    /// <param name="index">Its place in the list the organiser gave (0-based), for error field names.</param>
    internal SurveyQuestion(Guid surveyId, int position, SurveyQuestionDefinition definition, int index)
    {
        var field = $"Questions[{index}]";
        if (!Enum.IsDefined(definition.Kind))
        {
            throw new DomainException($"{field}.Kind", "Choose rating, one choice, several choices or text.");
        }

        var text = definition.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > TextMax || text.Contains('\n') || text.Contains('\r'))
        {
            throw new DomainException($"{field}.Text", $"Give the question's text: one line of at most {TextMax} characters.");
        }

        var options = (definition.Options ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList();
        if (definition.Kind is SurveyQuestionKind.OneChoice or SurveyQuestionKind.SeveralChoices)
        {
            if (options.Count < 2)
            {
                throw new DomainException($"{field}.Options", "A choice question needs at least two options, one per line.");
            }

            // Options are stored one per line: one holding a line break would read back as two.
            if (options.Count > OptionsMax || options.Any(o => o.Length > OptionMax || o.Contains('\n') || o.Contains('\r')))
            {
                throw new DomainException($"{field}.Options", $"Give at most {OptionsMax} options of up to {OptionMax} characters, each on one line.");
            }

            if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
            {
                throw new DomainException($"{field}.Options", "Each option may appear only once.");
            }
        }
        else if (options.Count > 0)
        {
            throw new DomainException($"{field}.Options", $"A {Describe(definition.Kind)} question takes no options.");
        }

        Id = Guid.NewGuid();
        SurveyId = surveyId;
        Position = position;
        Kind = definition.Kind;
        Text = text;
        Options = string.Join('\n', options);
        Required = definition.Required;
    }

    public Guid Id { get; private set; }
    public Guid SurveyId { get; private set; }
    public int Position { get; private set; }
    public SurveyQuestionKind Kind { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The choices, one per line; empty for rating and text questions.</summary>
    public string Options { get; private set; } = "";
    public bool Required { get; private set; }

    public IReadOnlyList<string> OptionList => Options.Length == 0 ? [] : Options.Split('\n');

    /// <summary>A kind in words, as pages show it ("several choices").</summary>
    public static string Describe(SurveyQuestionKind kind) => kind switch
    {
        SurveyQuestionKind.OneChoice => "one choice",
        SurveyQuestionKind.SeveralChoices => "several choices",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Checks one person's answer (a rating as "1"…"5", options as offered, or text) and returns it in the
    /// form it is stored (options in the organiser's order, joined by line breaks), or the reason it is refused.
    /// </summary>
    public (string? Answer, string? Error) Check(IReadOnlyList<string>? given)
    {
        var values = (given ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            return (null, Required ? "Please answer this question." : null);
        }

        switch (Kind)
        {
            case SurveyQuestionKind.Rating:
                return values.Count == 1 && int.TryParse(values[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rating)
                                         && rating is >= RatingMin and <= RatingMax
                    ? (rating.ToString(System.Globalization.CultureInfo.InvariantCulture), null)
                    : (null, $"Give a rating from {RatingMin} to {RatingMax}.");
            case SurveyQuestionKind.Text:
                // Forms send line breaks as CR LF; a box filled to its limit counts each as one character.
                var text = string.Join("\n", values).ReplaceLineEndings("\n");
                return text.Length > TextAnswerMax ? (null, $"Keep the answer to at most {TextAnswerMax} characters.") : (text, null);
            default:
                var options = OptionList;
                var unknown = values.FirstOrDefault(v => !options.Contains(v, StringComparer.OrdinalIgnoreCase));
                if (unknown is not null)
                {
                    return (null, $"'{(unknown.Length <= 40 ? unknown : unknown[..40] + "…")}' is not one of the options.");
                }

                var chosen = options.Where(o => values.Contains(o, StringComparer.OrdinalIgnoreCase)).ToList();
                return Kind == SurveyQuestionKind.OneChoice && chosen.Count > 1 ? (null, "Choose one option.") : (string.Join('\n', chosen), null);
        }
    }
}

/// <summary>
/// A person asked to answer a survey: when they were asked and reminded, and whether they answered. For an
/// anonymous survey this is all that ties them to it; their <see cref="SurveyResponse"/> does not name them.
/// </summary>
public sealed class SurveyRecipient
{
    private SurveyRecipient()
    {
    }

    public SurveyRecipient(Guid surveyId, Guid registrationId, DateTime now)
    {
        SurveyId = surveyId;
        RegistrationId = registrationId;
        AskedAt = now;
    }

    public Guid SurveyId { get; private set; }
    public Guid RegistrationId { get; private set; }
    public DateTime AskedAt { get; private set; }
    public DateTime? RemindedAt { get; private set; }
    public bool Answered { get; private set; }

    public void Reminded(DateTime now) => RemindedAt = now;

    public void Answer() => Answered = true;
}

/// <summary>
/// One person's answers to a survey. <see cref="RegistrationId"/> and <see cref="SubmittedAt"/> are null for an
/// anonymous survey (and once the mission's personal data is purged), so the answers cannot be traced back.
/// </summary>
public sealed class SurveyResponse
{
    private readonly List<SurveyAnswer> _answers = [];

    private SurveyResponse()
    {
    }

    public SurveyResponse(Survey survey, Guid registrationId, IEnumerable<(SurveyQuestion Question, string Value)> answers, DateTime now)
    {
        Id = Guid.NewGuid();
        SurveyId = survey.Id;
        MissionId = survey.MissionId;
        RegistrationId = survey.Anonymous ? null : registrationId;
        SubmittedAt = survey.Anonymous ? null : now;
        _answers.AddRange(answers.Select(a => new SurveyAnswer(Id, a.Question.Id, a.Question.Kind, a.Value)));
    }

    public Guid Id { get; private set; }
    public Guid SurveyId { get; private set; }
    public Guid MissionId { get; private set; }
    public Guid? RegistrationId { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public IReadOnlyList<SurveyAnswer> Answers => _answers;

    /// <summary>For retention and erasure: the answers no longer name anyone, and free text (which may name people) goes.</summary>
    public void Anonymise()
    {
        RegistrationId = null;
        SubmittedAt = null;
        foreach (var a in _answers)
        {
            a.ForgetText();
        }
    }
}

/// <summary>An answer to one question: a rating "1"…"5", chosen options joined by line breaks, or text (null once purged).</summary>
public sealed class SurveyAnswer
{
    private SurveyAnswer()
    {
    }

    internal SurveyAnswer(Guid responseId, Guid questionId, SurveyQuestionKind kind, string value)
    {
        ResponseId = responseId;
        QuestionId = questionId;
        Kind = kind;
        Value = value;
    }

    public Guid ResponseId { get; private set; }
    public Guid QuestionId { get; private set; }
    public SurveyQuestionKind Kind { get; private set; }
    public string? Value { get; private set; }

    internal void ForgetText()
    {
        if (Kind == SurveyQuestionKind.Text)
        {
            Value = null;
        }
    }
}
