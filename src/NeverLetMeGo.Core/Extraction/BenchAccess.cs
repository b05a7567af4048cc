using System.Runtime.CompilerServices;

// The extraction bench (bench/extraction) times the pipeline's stages one by one, so it sees the stage types.
[assembly: InternalsVisibleTo("nlmg-bench-extraction")]
