namespace Stratus.Testing.Services.Ec2;

/// <summary>A resource CreateTags, DeleteTags and DescribeTags reach by id.</summary>
internal interface ITaggable
{
    string Id { get; }

    /// <summary>The resource type as DescribeTags names it (<c>instance</c>, <c>security-group</c>, ...).</summary>
    string ResourceType { get; }

    Tags Tags { get; }
}
