using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MissionPlanner.Common;
using MissionPlanner.Data;
using MissionPlanner.Domain.Common;
using MissionPlanner.Domain.Organisers;
using MissionPlanner.Domain.Registrations;

namespace MissionPlanner.Features.Registration;

/// <summary>The organisers' own questions on the registration form, in the order they appear.</summary>
[RequiresRole(MissionRoleKind.Viewer)]
public sealed record ListQuestionsQuery(Guid MissionId) : IRequest<IReadOnlyList<QuestionView>>, IMissionRequest;

public sealed class ListQuestionsHandler(AppDbContext db) : IRequestHandler<ListQuestionsQuery, IReadOnlyList<QuestionView>>
{
    public async Task<IReadOnlyList<QuestionView>> Handle(ListQuestionsQuery request, CancellationToken cancellationToken) =>
        (await RegistrationIntake.QuestionsAsync(db, request.MissionId, cancellationToken)).Select(RegistrationIntake.View).ToList();
}

public interface IQuestionFields
{
    string Prompt { get; }
    QuestionKind Kind { get; }
    IReadOnlyList<string>? Options { get; }
}

public sealed class QuestionFieldsValidator : AbstractValidator<IQuestionFields>
{
    public QuestionFieldsValidator()
    {
        RuleFor(x => x.Prompt).NotEmpty().MaximumLength(RegistrationQuestion.PromptMax);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Options).Must(o => o is null || o.Count <= RegistrationQuestion.OptionsMax)
            .WithMessage($"Give at most {RegistrationQuestion.OptionsMax} options.");
    }
}

/// <summary>Adds a question at the end of the form. Answers given before it existed simply lack it.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record AddQuestionCommand(string Prompt, QuestionKind Kind, IReadOnlyList<string>? Options, bool Required)
    : IRequest<Guid>, IMissionRequest, IQuestionFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }
}

public sealed class AddQuestionValidator : AbstractValidator<AddQuestionCommand>
{
    public const int MaxQuestions = 50;

    public AddQuestionValidator() => Include(new QuestionFieldsValidator());
}

public sealed class AddQuestionHandler(AppDbContext db) : IRequestHandler<AddQuestionCommand, Guid>
{
    public async Task<Guid> Handle(AddQuestionCommand request, CancellationToken cancellationToken)
    {
        var positions = await db.RegistrationQuestions.Where(q => q.MissionId == request.MissionId).Select(q => q.Position).ToListAsync(cancellationToken);
        if (positions.Count >= AddQuestionValidator.MaxQuestions)
        {
            throw new DomainException("Prompt", $"A form can have at most {AddQuestionValidator.MaxQuestions} questions of your own.");
        }

        var question = new RegistrationQuestion(request.MissionId, positions.DefaultIfEmpty(0).Max() + 1, request.Prompt, request.Kind,
            request.Options ?? [], request.Required);
        db.RegistrationQuestions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return question.Id;
    }
}

[RequiresRole(MissionRoleKind.Organiser)]
public sealed record UpdateQuestionCommand(string Prompt, QuestionKind Kind, IReadOnlyList<string>? Options, bool Required, int Version)
    : IRequest<Unit>, IMissionRequest, IQuestionFields
{
    [JsonIgnore]
    public Guid MissionId { get; init; }

    [JsonIgnore]
    public Guid QuestionId { get; init; }
}

public sealed class UpdateQuestionValidator : AbstractValidator<UpdateQuestionCommand>
{
    public UpdateQuestionValidator() => Include(new QuestionFieldsValidator());
}

public sealed class UpdateQuestionHandler(AppDbContext db) : IRequestHandler<UpdateQuestionCommand, Unit>
{
    public async Task<Unit> Handle(UpdateQuestionCommand request, CancellationToken cancellationToken)
    {
        var question = await QuestionLookup.FindAsync(db, request.MissionId, request.QuestionId, cancellationToken);
        db.ExpectVersion(question, request.Version);
        question.Update(request.Prompt, request.Kind, request.Options ?? [], request.Required);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Moves a question one place up or down the form.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record MoveQuestionCommand(Guid MissionId, Guid QuestionId, bool Up) : IRequest<Unit>, IMissionRequest;

public sealed class MoveQuestionHandler(AppDbContext db) : IRequestHandler<MoveQuestionCommand, Unit>
{
    public async Task<Unit> Handle(MoveQuestionCommand request, CancellationToken cancellationToken)
    {
        var questions = await db.RegistrationQuestions.Where(q => q.MissionId == request.MissionId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var index = questions.FindIndex(q => q.Id == request.QuestionId);
        if (index < 0)
        {
            throw new NotFoundException("Question");
        }

        var other = request.Up ? index - 1 : index + 1;
        if (other >= 0 && other < questions.Count)
        {
            (questions[index], questions[other]) = (questions[other], questions[index]);
            for (var i = 0; i < questions.Count; i++)
            {
                questions[i].MoveTo(i + 1);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}

/// <summary>Removes a question; answers already given to it are no longer shown or exported.</summary>
[RequiresRole(MissionRoleKind.Organiser)]
public sealed record DeleteQuestionCommand(Guid MissionId, Guid QuestionId) : IRequest<Unit>, IMissionRequest;

public sealed class DeleteQuestionHandler(AppDbContext db) : IRequestHandler<DeleteQuestionCommand, Unit>
{
    public async Task<Unit> Handle(DeleteQuestionCommand request, CancellationToken cancellationToken)
    {
        db.RegistrationQuestions.Remove(await QuestionLookup.FindAsync(db, request.MissionId, request.QuestionId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class QuestionLookup
{
    public static async Task<RegistrationQuestion> FindAsync(AppDbContext db, Guid missionId, Guid questionId, CancellationToken ct) =>
        await db.RegistrationQuestions.FirstOrDefaultAsync(q => q.MissionId == missionId && q.Id == questionId, ct)
        ?? throw new NotFoundException("Question");
}
