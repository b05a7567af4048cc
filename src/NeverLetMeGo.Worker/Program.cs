using NeverLetMeGo.Worker.Cli;

return await NlmgCli.RunAsync(args, Console.Out, Console.Error, configOverrides: null, handleSignals: true, CancellationToken.None);
