using NeverLetMeGo.Batch;

return ExtractCli.Run(args, Console.Out, Console.Error);
