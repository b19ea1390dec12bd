namespace Promptmark.Api.Infrastructure.Slices;

/// <summary>A request that fills some inputs from others (a preset naming its server) before it is validated.</summary>
public interface IDefaulted
{
    object WithDefaults();
}
